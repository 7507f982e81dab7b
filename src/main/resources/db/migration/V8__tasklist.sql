-- The tasklist: filters by where the response came from, delegation, and colleagues' comments on a case
alter table follow_up_case add region varchar(80);
alter table follow_up_case add location varchar(200);
alter table follow_up_case add product varchar(200);
create index ix_case_location on follow_up_case (location);
create index ix_case_product on follow_up_case (product);

-- the task's owner while a colleague works it on their behalf (Camunda delegation)
alter table open_task add owner_id varchar(64);
create index ix_open_task_due on open_task (due_at);

-- Comments live in our table, not in the engine's task comments: a case outlives its tasks, and the
-- engine's comments sit in history tables that history cleanup removes.
create table case_comment (
    id         char(36)      not null primary key,
    case_id    char(36)      not null,
    author     varchar(64)   not null,
    body       varchar(4000) not null,
    written_at ${instant}    not null,
    constraint fk_comment_case foreign key (case_id) references follow_up_case (id)
);
create index ix_comment_case on case_comment (case_id, written_at);
