-- modeling: drafts of models being edited in the browser, and who deployed what
-- A draft per user and model: a process owner's work in progress, kept across restarts until deployed
-- or discarded. content holds the whole BPMN/DMN/form file.
create table model_draft (
    id              char(36)     not null primary key,
    owner           varchar(64)  not null,
    kind            varchar(16)  not null,
    model_key       varchar(255) not null,
    resource_name   varchar(255) not null,
    based_on_id     varchar(64),
    based_on_version int,
    content         ${text}      not null,
    created_at      ${instant}   not null,
    updated_at      ${instant}   not null,
    version         int          not null,
    constraint uq_model_draft unique (owner, kind, model_key)
);

-- The engine keeps a deployment's time, name and source but not its author; we keep that here for every
-- deployment made by a signed-in user (our editor, or Camunda Modeler through /engine-rest).
create table model_deployment (
    deployment_id varchar(64)   not null primary key,
    deployed_by   varchar(64)   not null,
    deployed_at   ${instant}    not null,
    note          varchar(1000)
);
