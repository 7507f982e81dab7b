-- Cases and customers found by anything a caller says: name, external id, email, phone, and (cases) the comment.
-- One lower-case column each, written with the row (sharedkernel.persistence.SearchText). MariaDB searches it
-- with a FULLTEXT index (db/mariadb); H2, the embedded default, with LIKE.
alter table follow_up_case add column search_text ${text};
alter table customer add column search_text ${text};

-- Rows from before: the same words, except the phone's last eight digits (SearchText adds them for new rows)
update follow_up_case set search_text = lower(concat_ws(' ', customer_name, customer_external_id, customer_email,
    customer_phone, regexp_replace(coalesce(customer_phone, ''), '[^0-9]', ''), comment));
update customer set search_text = lower(concat_ws(' ', name, external_id, email, phone,
    regexp_replace(coalesce(phone, ''), '[^0-9]', '')));

-- The case list sorts by when a case opened and closed, within the groups that take part in it.
create index ix_case_closed on follow_up_case (closed_at);
create index ix_participant_who on case_participant (kind, participant, case_id);
create index ix_customer_email on customer (email);
create index ix_customer_phone on customer (phone);

-- Each user's time zone, chosen in their profile; the browser's until they choose.
create table user_setting (
    user_id    varchar(64) not null primary key,
    time_zone  varchar(60),
    changed_at ${instant}  not null
);

-- What the demo profile seeded on its first start, so that it seeds once.
create table demo_seed (
    id          varchar(40) not null primary key,
    started_at  ${instant}  not null,
    finished_at ${instant},
    responses   int         not null
);
