-- A number created by a bulk import (CSV or Twilio) keeps who imported it and why on its own row, and its history
-- shows that as its first entry (NumberLedger.history). A history row per created number cost an insert and two
-- foreign-key checks each: more than a quarter of the database time of importing 100,000 new numbers.
-- Numbers created one at a time (bought, ported in) still get their first history row.
ALTER TABLE phone_number
    ADD COLUMN imported_by   VARCHAR(255),
    ADD COLUMN import_reason VARCHAR(1000);
