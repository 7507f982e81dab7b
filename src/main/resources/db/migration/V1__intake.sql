-- intake: customers and their NPS responses
create table customer (
    id                char(36)     not null primary key,
    external_id       varchar(120) not null,
    name              varchar(200),
    email             varchar(320),
    phone             varchar(40),
    preferred_channel varchar(10),
    tier              varchar(40),
    lifetime_value    decimal(14, 2),
    created_at        ${instant}   not null,
    updated_at        ${instant}   not null,
    version           int          not null,
    constraint uk_customer_external_id unique (external_id)
);

create table feedback_response (
    id              char(36)      not null primary key,
    source          varchar(80)   not null,
    source_event_id varchar(200)  not null,
    customer_id     char(36)      not null,
    score           int           not null,
    segment         varchar(10)   not null,
    comment         varchar(4000),
    responded_at    ${instant}    not null,
    received_at     ${instant}    not null,
    -- the survey tool's own event id makes intake idempotent, also under concurrent retries
    constraint uk_response_source_event unique (source, source_event_id),
    constraint fk_response_customer foreign key (customer_id) references customer (id)
);
create index ix_response_customer on feedback_response (customer_id, responded_at);

create table response_property (
    response_id char(36)     not null,
    prop_name   varchar(80)  not null,
    prop_value  varchar(500) not null,
    primary key (response_id, prop_name),
    constraint fk_property_response foreign key (response_id) references feedback_response (id)
);
