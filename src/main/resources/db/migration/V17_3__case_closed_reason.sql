-- why a case closed as it did where its outcome does not say: "customer declined contact" for a survey answer
-- whose customer said we may not contact them (closed as no follow-up, owners still alerted)
alter table follow_up_case add column closed_reason varchar(200);
