-- The real meeting calendar (DOMAIN.md §6). Dates the brief does not confirm are provisional.

insert into registry_meeting (convention, code, kind, first_day, last_day, venue, provisional) values
  ('CCM', '10MSP', 'MSP', date '2022-08-30', date '2022-09-02', 'Palais des Nations, Geneva', false),
  ('CCM', '11MSP', 'MSP', date '2023-09-11', date '2023-09-14', 'Palais des Nations, Geneva', false),
  ('CCM', '12MSP', 'MSP', date '2024-09-10', date '2024-09-13', 'Room XIX, Palais des Nations, Geneva', false),
  ('CCM', '13MSP', 'MSP', date '2025-09-16', date '2025-09-19', 'Tempus Building, Palais des Nations, Geneva', false),
  -- Third Review Conference: Vientiane, September 2026; exact days not confirmed
  ('CCM', '3RC',   'RC',  date '2026-09-14', date '2026-09-18', 'Vientiane, Lao PDR', true),
  -- Fourteenth meeting: September 2027, dates not yet fixed
  ('CCM', '14MSP', 'MSP', date '2027-09-14', date '2027-09-17', 'Geneva', true),

  ('APMBC', '21MSP', 'MSP', date '2023-11-20', date '2023-11-24', 'Geneva', false),
  ('APMBC', 'IM2024', 'INTERSESSIONAL', date '2024-06-17', date '2024-06-19', 'Geneva', false),
  -- Fifth Review Conference, the Siem Reap-Angkor Summit on a Mine-Free World
  ('APMBC', '5RC',   'RC',  date '2024-11-25', date '2024-11-29', 'Siem Reap, Cambodia', false),
  ('APMBC', 'IM2025', 'INTERSESSIONAL', date '2025-06-17', date '2025-06-20', 'CICG, Geneva', false),
  ('APMBC', '22MSP', 'MSP', date '2025-12-01', date '2025-12-05', 'Geneva', false),
  -- Twenty-third meeting: late 2026, dates not yet fixed
  ('APMBC', '23MSP', 'MSP', date '2026-11-30', date '2026-12-04', 'Geneva', true);
