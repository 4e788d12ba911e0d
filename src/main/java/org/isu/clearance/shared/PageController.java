package org.isu.clearance.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.stereotype.Controller;

/**
 * A controller of HTML pages: each of its pages gets the shared header (who is signed in,
 * what they may do, the date formats) and an error page instead of a stack trace. The
 * JSON API's controllers are {@code @RestController}s instead.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Controller
public @interface PageController {

}
