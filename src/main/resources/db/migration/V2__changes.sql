-- What each publication changed per state, compared with the offerings the state had before, so that
-- consumers learn of removals (tombstones) instead of silently losing services. Written by the merge, in its
-- transaction, before a state's offerings are replaced; a state kept stale in a run has no rows here.
create table change (
    job_instance_id     bigint        not null, -- the publication: the run's job instance
    state               varchar(2)    not null,
    kind                varchar(10)   not null, -- ADDED, CHANGED or REMOVED
    identity            varchar(300)  not null, -- leistungsschluessel, or 'lokal:' || source_id
    gebiet_id           varchar(12)   not null,
    leistungsschluessel varchar(14),
    source_id           varchar(200),
    bezeichnung         varchar(4000),          -- the new name; for REMOVED the last known one
    primary key (job_instance_id, state, identity, gebiet_id)
);
