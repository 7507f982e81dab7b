-- live updates across nodes: what open screens should hear, written in the transaction of the change it tells of,
-- read by every node about once a second from the last id it saw, and forgotten after a few minutes
create table live_event (
    id         bigint        not null auto_increment primary key,
    topic      varchar(40)   not null,
    -- the node that wrote it already told its own screens
    node       char(36)      not null,
    payload    varchar(4000) not null,
    created_at ${instant}    not null
);

create index live_event_created on live_event (created_at);
