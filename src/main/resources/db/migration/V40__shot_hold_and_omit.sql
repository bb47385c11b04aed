-- Issue 12: a producer puts a shot ON_HOLD or OMITs it, with a reason, and takes it back to where it was.
-- Portable between H2 (2.x) and PostgreSQL (15+), like V1.

alter table shots drop constraint ck_shots_status;
alter table shots add constraint ck_shots_status check (status in ('PLANNED', 'GENERATING', 'IN_REVIEW',
    'CHANGES_REQUESTED', 'APPROVED', 'ON_HOLD', 'OMITTED'));

-- Why the shot was set aside, and the status it goes back to; both are set exactly while it is held or omitted.
alter table shots add column status_reason varchar(500);
alter table shots add column resume_status varchar(20);
alter table shots add constraint ck_shots_resume_status check (resume_status is null
    or resume_status in ('PLANNED', 'GENERATING', 'IN_REVIEW', 'CHANGES_REQUESTED', 'APPROVED'));
alter table shots add constraint ck_shots_set_aside check (
    (status in ('ON_HOLD', 'OMITTED')) = (resume_status is not null)
    and (resume_status is null) = (status_reason is null));
