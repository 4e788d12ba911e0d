package org.isu.clearance.identity;

import java.util.List;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.filter.Filter;
import org.isu.clearance.ModuleTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The identity module alone with the process engine: it sets up the groups, their
 * permissions and the shared Tasklist filters by itself; without a feature that declares
 * Tasklist columns, the filters show none.
 */
@ModuleTest
class IdentityModuleTests {

	@Autowired
	private AccessBootstrap bootstrap;

	@Autowired
	private IdentityService identity;

	@Autowired
	private FilterService filters;

	@Test
	void setsUpGroupsAndFiltersWithoutTheFeatures() {
		this.bootstrap.run();

		assertThat(this.identity.createGroupQuery().groupIdIn(Groups.ISU, Groups.COORDINATORS).count()).isEqualTo(2);
		Filter mine = this.filters.createFilterQuery().filterName(AccessBootstrap.FILTER_MY_TASKS).singleResult();
		assertThat(mine).isNotNull();
		assertThat((List<?>) mine.getProperties().get("variables")).isEmpty();
	}

}
