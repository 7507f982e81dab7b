-- The language a case's customer is written to in (from their response's "language" property); English when none.
alter table follow_up_case add column customer_language varchar(8);
