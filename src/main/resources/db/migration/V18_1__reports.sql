-- reporting (issue 18): every report is an aggregate over a range of one time column; these let the database read
-- only that range, and for NPS only the index (the time and the segment).
create index ix_response_responded on feedback_response (responded_at, segment);
-- detractor recovery and revenue protected: re-surveys by when they were answered
create index ix_invitation_answered on survey_invitation (answered_at);
-- improvement actions' lead time: by when the fix was verified
create index ix_improvement_verified on improvement_action (verified_at);
