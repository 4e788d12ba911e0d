package org.isu.clearance.shared;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * A small Gantt chart drawn server-side as SVG by {@code fragments/chart.html}: one row
 * per stage, bars for periods, markers for single dates, a month axis and a line for
 * today. All coordinates are computed here; the template only places them.
 */
public final class GanttChart {

	static final int WIDTH = 960;

	static final int LABEL_WIDTH = 220;

	static final int ROW_HEIGHT = 26;

	static final int AXIS_HEIGHT = 24;

	private static final int RIGHT_MARGIN = 12;

	private final LocalDate from;

	private final LocalDate to;

	private final List<Row> rows;

	private final LocalDate today;

	private final Locale locale;

	public GanttChart(List<Row> rows, LocalDate today, Locale locale) {
		this.rows = rows;
		this.today = today;
		this.locale = locale;
		List<LocalDate> dates = rows.stream()
			.flatMap((row) -> Stream.concat(row.bars().stream().flatMap((bar) -> Stream.of(bar.start(), bar.end())),
					row.markers().stream().map(Marker::date)))
			.filter(Objects::nonNull)
			.toList();
		LocalDate min = dates.stream().min(LocalDate::compareTo).orElse(today.minusMonths(1));
		LocalDate max = dates.stream().max(LocalDate::compareTo).orElse(today.plusMonths(1));
		this.from = min.withDayOfMonth(1);
		this.to = max.plusMonths(1).withDayOfMonth(1);
	}

	public int getWidth() {
		return WIDTH;
	}

	public int getHeight() {
		return AXIS_HEIGHT + this.rows.size() * ROW_HEIGHT + 4;
	}

	public int getLabelWidth() {
		return LABEL_WIDTH;
	}

	public int getRowHeight() {
		return ROW_HEIGHT;
	}

	public List<PlacedRow> getRows() {
		List<PlacedRow> placed = new ArrayList<>();
		for (int i = 0; i < this.rows.size(); i++) {
			Row row = this.rows.get(i);
			int y = AXIS_HEIGHT + i * ROW_HEIGHT;
			List<PlacedBar> bars = row.bars()
				.stream()
				.filter((bar) -> bar.start() != null && bar.end() != null)
				.map((bar) -> {
					double x1 = x(bar.start());
					double x2 = Math.max(x(bar.end().plusDays(1)), x1 + 2);
					return new PlacedBar(x1, y + bar.lane() * (ROW_HEIGHT - 8) / 2.0 + 4, x2 - x1,
							(ROW_HEIGHT - 8) / 2.0, bar.cssClass(), bar.title());
				})
				.toList();
			List<PlacedMarker> markers = row.markers()
				.stream()
				.filter((marker) -> marker.date() != null)
				.map((marker) -> new PlacedMarker(x(marker.date()), y + ROW_HEIGHT / 2.0, marker.cssClass(),
						marker.title()))
				.toList();
			placed.add(new PlacedRow(row.label(), y, y + ROW_HEIGHT * 0.65, bars, markers));
		}
		return placed;
	}

	/** Month ticks; labelled every month on short charts, every quarter on long ones. */
	public List<Tick> getTicks() {
		long months = ChronoUnit.MONTHS.between(this.from, this.to);
		int step = (months > 18) ? 3 : 1;
		DateTimeFormatter format = DateTimeFormatter.ofPattern("MMM yy", this.locale);
		List<Tick> ticks = new ArrayList<>();
		for (LocalDate month = this.from; !month.isAfter(this.to); month = month.plusMonths(1)) {
			boolean labelled = (month.getMonthValue() - 1) % step == 0;
			ticks.add(new Tick(x(month), labelled ? format.format(month) : ""));
		}
		return ticks;
	}

	/** Where today's line goes, or a negative number when today is off the chart. */
	public double getToday() {
		return (this.today.isBefore(this.from) || this.today.isAfter(this.to)) ? -1 : x(this.today);
	}

	public boolean isEmpty() {
		return this.rows.isEmpty();
	}

	double x(LocalDate date) {
		long span = Math.max(1, ChronoUnit.DAYS.between(this.from, this.to));
		double fraction = ChronoUnit.DAYS.between(this.from, date) / (double) span;
		return Math.round((LABEL_WIDTH + fraction * (WIDTH - LABEL_WIDTH - RIGHT_MARGIN)) * 10) / 10.0;
	}

	/**
	 * @param lane 0 for the upper half of the row (planned), 1 for the lower (actual)
	 */
	public record Bar(LocalDate start, LocalDate end, int lane, String cssClass, String title) {

	}

	public record Marker(LocalDate date, String cssClass, String title) {

	}

	public record Row(String label, List<Bar> bars, List<Marker> markers) {

	}

	public record PlacedRow(String label, int y, double textY, List<PlacedBar> bars, List<PlacedMarker> markers) {

	}

	public record PlacedBar(double x, double y, double width, double height, String cssClass, String title) {

	}

	public record PlacedMarker(double x, double y, String cssClass, String title) {

	}

	public record Tick(double x, String label) {

	}

}
