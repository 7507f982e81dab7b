-- reporting (issue 18): the reports' counts per UTC hour and per UTC day, so that a dashboard reads a few hundred
-- rows of counts instead of every response and case of its period. A period's buckets start at midnight in the
-- user's zone, a whole UTC hour in every whole-hour zone: the full UTC days inside a bucket are read from their day
-- rows, the hours at its edges from their hour rows (other zones are counted from the rows themselves).
-- kind: 'responses' (NPS), 'cases' (the loop's figures), 'breaches', 'resurveys' (revenue protected), 'revenue'
-- (revenue at risk); grp: '' for the whole company, or a group
-- that took part in the cases (a case counts for each of its groups); unit 'h' (unit_no = hours since the epoch)
-- or 'd' (days); counts: one "key<TAB>n" line per figure (reporting's Counts).
create table report_count (
    kind    varchar(10) not null,
    grp     varchar(64) not null,
    unit    char(1)     not null,
    unit_no bigint      not null,
    counts  ${text}     not null,
    primary key (kind, grp, unit, unit_no)
);
-- a day counted again replaces the counts of every group of that day
create index ix_report_count_unit on report_count (kind, unit, unit_no);

-- The groups the cases' counts know, for the dashboard's picker: a distinct over report_count reads every count.
create table report_group (
    grp varchar(64) not null primary key
);

-- Days whose rows changed since they were counted, marked by their writers in the same transaction
-- (sharedkernel's ChangedDays). A background count (every few seconds, on one node at a time) moves them to
-- report_counting_day and counts them again there: a writer waits for that move only, never for the count.
create table report_dirty_day (
    kind   varchar(10) not null,
    day_no bigint      not null,
    primary key (kind, day_no)
);

-- Days taken from report_dirty_day and being counted: they stay here until their counts are stored, so a count that
-- fails (or a node that dies) leaves them for the next one.
create table report_counting_day (
    kind   varchar(10) not null,
    day_no bigint      not null,
    primary key (kind, day_no)
);

-- One row per kind, locked while its days are counted again: two nodes never count the same days at once; its
-- generation rises with every recount, so a report may keep what it read while it stands.
-- changes_seen_at (revenue only): when the customers were last looked at for changes (their lifetime value).
create table report_count_lock (
    kind            varchar(10) not null primary key,
    generation      bigint      default 0 not null,
    changes_seen_at ${instant}
);
insert into report_count_lock (kind) values ('responses');
insert into report_count_lock (kind) values ('cases');
insert into report_count_lock (kind) values ('breaches');
insert into report_count_lock (kind) values ('resurveys');
insert into report_count_lock (kind) values ('revenue');

-- Backfill: every day that has rows is counted by the first background count after the upgrade (ReportCounts).
insert into report_dirty_day (kind, day_no)
select distinct 'responses', timestampdiff(day, timestamp '1970-01-01 00:00:00', responded_at) from feedback_response;
insert into report_dirty_day (kind, day_no)
select distinct 'cases', timestampdiff(day, timestamp '1970-01-01 00:00:00', opened_at) from follow_up_case;
insert into report_dirty_day (kind, day_no)
select distinct 'breaches', timestampdiff(day, timestamp '1970-01-01 00:00:00', breached_at) from sla_breach;
insert into report_dirty_day (kind, day_no)
select distinct 'resurveys', timestampdiff(day, timestamp '1970-01-01 00:00:00', answered_at) from survey_invitation
where answered_at is not null;
insert into report_dirty_day (kind, day_no)
select distinct 'revenue', timestampdiff(day, timestamp '1970-01-01 00:00:00', responded_at) from feedback_response;

-- revenue at risk: the customers changed since the counts last looked (ReportCounts)
create index ix_customer_updated on customer (updated_at);

-- SLA compliance judges a case not yet reached only once its due time has passed: the few still due are found by
-- their due time, not among the period's cases.
create index ix_case_sla_due on follow_up_case (sla_due_at);
