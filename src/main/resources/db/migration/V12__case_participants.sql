-- Who takes part in a case, for good: its owner group, the groups its tasks were offered to, and the people
-- who held them. The case screen shows a case to them (and to supervisors and admins), also once its tasks
-- are done and it has closed, which the engine cannot tell: history level audit keeps no task identity
-- links, and a completed task keeps only its last assignee. Written by the task listener that keeps
-- open_task, one row per new group or person; the key makes a repeated write a no-op.
create table case_participant (
    case_id     char(36)    not null,
    kind        varchar(5)  not null,
    participant varchar(64) not null,
    joined_at   ${instant}  not null,
    constraint pk_case_participant primary key (case_id, kind, participant)
);

-- Cases from before: who holds their open tasks, and who held them as far as our own tables remember
-- (contact attempts, the resolution, breaches, and the owner group, which was alerted of every new case).
insert into case_participant (case_id, kind, participant, joined_at)
select case_id, kind, participant, min(joined_at) from (
    select case_id, 'group' as kind, candidate_group as participant, created_at as joined_at from open_task
        where case_id is not null and candidate_group is not null
    union all select case_id, 'user', assignee, created_at from open_task where case_id is not null and assignee is not null
    union all select case_id, 'user', owner_id, created_at from open_task where case_id is not null and owner_id is not null
    union all select case_id, 'user', agent, attempted_at from contact_attempt
    union all select id, 'user', contact_agent, opened_at from follow_up_case where contact_agent is not null
    union all select case_id, 'user', logged_by, logged_at from resolution
    union all select case_id, 'group', candidate_group, breached_at from sla_breach where candidate_group is not null
    union all select case_id, 'user', assignee_at_breach, breached_at from sla_breach where assignee_at_breach is not null
    union all select case_id, 'group', target_group, created_at from staff_alert
        where kind = 'new-case' and case_id is not null and target_group is not null
) held
group by case_id, kind, participant;
