-- The writers' marks of changed days (sharedkernel's ChangedDays) become rows of their own, one per transaction and
-- day, with nothing unique about them. A mark was one row per day written insert-if-absent, which share-locks the
-- row it finds: when a count had just taken (deleted) a day's row, two writers of that day could each hold that lock
-- on the deleted row and wait for the other to let go of it (MariaDB's deadlock of two inserts of a delete-marked
-- key, met by the benchmark's breach storms). An insert that checks no duplicate locks nothing another writer wants,
-- and a count takes the rows it read by their id.
create table report_day_mark (
    id     bigint      not null auto_increment primary key,
    kind   varchar(10) not null,
    day_no bigint      not null
);

create index report_day_mark_kind on report_day_mark (kind, day_no);

insert into report_day_mark (kind, day_no) select kind, day_no from report_dirty_day;

drop table report_dirty_day;
