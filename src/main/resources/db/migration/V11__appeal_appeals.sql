-- Appeals (module appeal, schema redress), R-EU-5: electronic, free, no legal formalities, reachable
-- while suspended through the case link. One open appeal per case at a time (partial unique index).

CREATE TABLE redress.appeal (
    appeal_id           text PRIMARY KEY,
    case_id             text        NOT NULL REFERENCES redress.suspension_case (case_id),
    statement           text        NOT NULL,
    contact_preference  text        NOT NULL CHECK (contact_preference IN ('IN_APP', 'EMAIL', 'PHONE')),
    talk_to_person      boolean     NOT NULL,
    contact_detail      text,
    status              text        NOT NULL,
    priority            integer,
    filed_at            timestamptz NOT NULL,
    message_published_at timestamptz,
    registered_at       timestamptz,
    review_process_instance_key bigint,
    decided_at          timestamptz,
    outcome             text
);
CREATE UNIQUE INDEX appeal_one_open_per_case ON redress.appeal (case_id)
    WHERE status NOT IN ('DECIDED');
CREATE INDEX appeal_unpublished_idx ON redress.appeal (filed_at) WHERE message_published_at IS NULL;

CREATE TABLE redress.appeal_attachment (
    appeal_id    text   NOT NULL REFERENCES redress.appeal (appeal_id),
    attachment_no smallint NOT NULL,
    file_name    text   NOT NULL,
    content_type text   NOT NULL,
    size_bytes   integer NOT NULL CHECK (size_bytes > 0),
    sha256       text   NOT NULL,
    content      bytea  NOT NULL,
    PRIMARY KEY (appeal_id, attachment_no)
);

-- Replies of the appellant to a request for information.
CREATE TABLE redress.appeal_information (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    appeal_id   text        NOT NULL REFERENCES redress.appeal (appeal_id),
    round       integer     NOT NULL,
    text        text        NOT NULL,
    provided_at timestamptz NOT NULL,
    UNIQUE (appeal_id, round)
);
