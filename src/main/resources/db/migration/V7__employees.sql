-- identity: the employee directory that recognition alerts match promoter comments against
create table employee (
    id              char(36)     not null primary key,
    full_name       varchar(200) not null,
    first_name      varchar(100) not null,
    aliases         varchar(500),
    location        varchar(200),
    manager_user_id varchar(64)  not null
);
