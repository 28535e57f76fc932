-- The catalogue's own tables (Spring Batch's job repository tables come from its own schema script).
-- Written in the SQL that H2 and PostgreSQL share.

-- Rows of one state's export as imported in one job instance, before the merge accepts them.
create table staged_offering (
    job_instance_id     bigint        not null,
    state               varchar(2)    not null,
    seq                 bigint        not null,
    identity            varchar(300)  not null,
    leistungsschluessel varchar(14),
    gebiet_id           varchar(12)   not null,
    source_id           varchar(200),
    bezeichnung         varchar(4000),
    kurztext            varchar(20000),
    typisierung         varchar(200),
    ozg_id              varchar(5),
    reifegrad           smallint,
    reifegrad_modell    varchar(8),
    onlinedienst_url    varchar(4000),
    zustaendige_stelle  varchar(4000),
    gueltig_ab          date,
    gueltig_bis         date,
    geaendert_am        date,
    source_file         varchar(1000) not null,
    source_line         bigint        not null,
    source_element      varchar(1000),
    primary key (job_instance_id, state, seq)
);
-- Finds duplicates of (key, area) within one state's import.
create index staged_offering_identity on staged_offering (job_instance_id, state, identity, gebiet_id, seq);

-- Every row that could not be normalised, with what an operator needs to fix it.
create table reject (
    job_instance_id bigint         not null,
    state           varchar(2)     not null,
    seq             bigint         not null,
    source_file     varchar(1000)  not null,
    source_line     bigint         not null,
    reason          varchar(20)    not null,
    message         varchar(4000)  not null,
    raw_text        varchar(20000),
    primary key (job_instance_id, state, seq)
);

-- The accepted offerings of each state: its last good import.
create table offering (
    state               varchar(2)    not null,
    identity            varchar(300)  not null,
    gebiet_id           varchar(12)   not null,
    leistungsschluessel varchar(14),
    source_id           varchar(200),
    bezeichnung         varchar(4000),
    kurztext            varchar(20000),
    typisierung         varchar(200),
    ozg_id              varchar(5),
    reifegrad           smallint,
    reifegrad_modell    varchar(8),
    onlinedienst_url    varchar(4000),
    zustaendige_stelle  varchar(4000),
    gueltig_ab          date,
    gueltig_bis         date,
    geaendert_am        date,
    source_file         varchar(1000) not null,
    source_line         bigint        not null,
    source_element      varchar(1000),
    job_instance_id     bigint        not null,
    primary key (state, identity, gebiet_id)
);
create index offering_by_key on offering (leistungsschluessel, state, gebiet_id);

-- Per state: is what the catalogue holds from its latest run, or kept from an earlier good import?
create table state_catalogue (
    state                 varchar(2)   primary key,
    status                varchar(10)  not null,
    last_good_instance_id bigint,
    last_good_at          timestamp,
    offerings             bigint       not null,
    last_failure          varchar(4000)
);

-- The outcome of each state's import in each run.
create table import_result (
    job_instance_id bigint        not null,
    state           varchar(2)    not null,
    source_file     varchar(1000) not null,
    status          varchar(10)   not null,
    read_count      bigint        not null,
    imported_count  bigint        not null,
    rejected_count  bigint        not null,
    reason          varchar(4000),
    primary key (job_instance_id, state)
);

-- The LeiKa reference catalogue shipped with the application.
create table leika_reference (
    leistungsschluessel varchar(14)  primary key,
    bezeichnung         varchar(1000),
    leistungstyp        varchar(100),
    ozg_id              varchar(5),
    ozg_leistung        varchar(1000),
    themenfeld          varchar(200),
    lebenslage          varchar(200)
);

-- The merged cross-state catalogue: one entry per LeiKa key ...
create table merged_service (
    leistungsschluessel varchar(14)  primary key,
    bezeichnung         varchar(4000),
    leistungstyp        varchar(200),
    ozg_id              varchar(5),
    themenfeld          varchar(200),
    im_leika            boolean      not null,
    hoechster_reifegrad smallint,
    anzahl_laender      int          not null,
    anzahl_angebote     bigint       not null
);

-- ... per state offering it: how many areas and at which maturity ...
create table merged_state (
    leistungsschluessel varchar(14) not null,
    state               varchar(2)  not null,
    veraltet            boolean     not null,
    gebiete             bigint      not null,
    hoechster_reifegrad smallint,
    primary key (leistungsschluessel, state)
);

create table merged_state_maturity (
    leistungsschluessel varchar(14) not null,
    state               varchar(2)  not null,
    reifegrad           smallint    not null, -- -1: the state gave none
    anzahl              bigint      not null,
    primary key (leistungsschluessel, state, reifegrad)
);

-- ... and the states that could reuse another state's online service (EfA).
create table merged_efa_candidate (
    leistungsschluessel varchar(14) not null,
    state               varchar(2)  not null,
    grund               varchar(20) not null,
    primary key (leistungsschluessel, state)
);

-- Each publication of the merged catalogue.
create table publication (
    job_instance_id  bigint    primary key,
    generated_at     timestamp not null,
    merged_keys      bigint    not null,
    local_services   bigint    not null,
    offerings        bigint    not null
);
