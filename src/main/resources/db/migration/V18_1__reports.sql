-- reporting (issue 18): every report is an aggregate over a range of one time column. These indexes hold the range
-- and every column the report reads, so the database reads the index alone, never the rows behind it.
-- NPS and revenue at risk: responses by when they were answered, with segment and customer
create index ix_response_responded on feedback_response (responded_at, segment, customer_id);
-- the loop's figures: cases by when they opened, with what every KPI reads of them
create index ix_case_report on follow_up_case (opened_at, segment, closed_as, first_contact_at, sla_due_at,
    resolved_at, contact_agent);
-- root causes of the cases of a period
create index ix_resolution_case_cause on resolution (case_id, root_cause);
-- detractor recovery and revenue protected: re-surveys by when they were answered
create index ix_invitation_answered on survey_invitation (answered_at);
-- improvement actions' lead time: by when the fix was verified
create index ix_improvement_verified on improvement_action (verified_at);
