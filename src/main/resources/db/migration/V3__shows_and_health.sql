-- Shows run by the studio itself (issue 10). Portable between H2 (2.x) and PostgreSQL (15+), like V1.

-- An archived show is finished: it leaves every picker and list but keeps its history; null while active.
alter table shows add column archived_at timestamp with time zone;

-- The health check writes here, in a transaction it rolls back, so health goes DOWN when the database
-- cannot be written (not only when it cannot be read). The check constraint is deliberate: a write that
-- meets one is exactly what failed on H2 2.4.240 while reads kept working.
create table health_probe (
    id    integer     not null primary key,
    state varchar(10) not null,
    constraint ck_health_probe_state check (state in ('IDLE', 'PROBING'))
);
insert into health_probe (id, state) values (1, 'IDLE');
