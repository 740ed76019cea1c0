-- 016: more of the monthly reports read only their month (issue 12, item 6):
-- 表8's quality problems are the month's quality claims: a partial index holds exactly those
-- tickets with every column the report reads, so the month's other tickets are never fetched;
-- the part shipment accuracy KPI counts the wrong parts that came back in the month.
CREATE INDEX ticket_quality ON ticket (reported_at, state, unit_id, category, quality_confirmed)
  WHERE quality_claim = 1;
CREATE INDEX part_return_wrong ON part_return (received_on) WHERE wrong = 1;
