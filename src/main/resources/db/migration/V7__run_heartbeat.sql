-- A running run writes the time here every half minute (catalog.heartbeat-interval), whatever step it is in: the
-- merge and the publish are one long call each, and the job repository hears nothing of a run in between. restart
-- takes a run for dead only when neither the repository nor this table has heard of it for two minutes.
create table run_heartbeat (
    job_execution_id bigint    primary key,
    beat_at          timestamp not null
);
