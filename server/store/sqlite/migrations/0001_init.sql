-- OS Arena store, SQLite. Times are Unix milliseconds (0: none). Bodies that
-- are read and written whole (settings, options, a snapshot) are JSON text.

CREATE TABLE players (
	id         INTEGER PRIMARY KEY,
	token      TEXT    NOT NULL UNIQUE,
	nickname   TEXT    NOT NULL,
	created_ms INTEGER NOT NULL,
	seen_ms    INTEGER NOT NULL
) STRICT;

CREATE TABLE rooms (
	code        TEXT    PRIMARY KEY,
	host_token  TEXT    NOT NULL,
	host_player INTEGER NOT NULL,
	mode        TEXT    NOT NULL,
	settings    TEXT    NOT NULL,
	locked      INTEGER NOT NULL,
	tournament  TEXT    NOT NULL,
	created_ms  INTEGER NOT NULL,
	closed_ms   INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX rooms_open ON rooms (closed_ms, code);

-- One row per room with a running match, replaced after every round.
CREATE TABLE snapshots (
	room     TEXT    PRIMARY KEY REFERENCES rooms (code) ON DELETE CASCADE,
	match_id TEXT    NOT NULL,
	seq      INTEGER NOT NULL,
	saved_ms INTEGER NOT NULL,
	body     TEXT    NOT NULL
) STRICT;

-- Finished matches: written once by FinishMatch, never changed (triggers).
CREATE TABLE matches (
	id          TEXT    PRIMARY KEY,
	room        TEXT    NOT NULL,
	tournament  TEXT    NOT NULL,
	sim_version INTEGER NOT NULL,
	seed        INTEGER NOT NULL,
	settings    TEXT    NOT NULL,
	started_ms  INTEGER NOT NULL,
	ended_ms    INTEGER NOT NULL
) STRICT;

CREATE TABLE match_players (
	match_id   TEXT    NOT NULL REFERENCES matches (id),
	player_id  INTEGER NOT NULL REFERENCES players (id),
	seat       INTEGER NOT NULL,
	nickname   TEXT    NOT NULL,
	rank       INTEGER NOT NULL,
	score      INTEGER NOT NULL,
	correct    INTEGER NOT NULL,
	answered   INTEGER NOT NULL,
	avg_ms     INTEGER NOT NULL,
	best_topic TEXT    NOT NULL,
	ended_ms   INTEGER NOT NULL, -- the match's, for a player's history
	PRIMARY KEY (match_id, player_id)
) STRICT;
CREATE INDEX match_players_history ON match_players (player_id, ended_ms);

CREATE TABLE answers (
	match_id   TEXT    NOT NULL REFERENCES matches (id),
	player_id  INTEGER NOT NULL REFERENCES players (id),
	round      INTEGER NOT NULL,
	family     TEXT    NOT NULL,
	topic      TEXT    NOT NULL,
	answered   INTEGER NOT NULL,
	vals       TEXT    NOT NULL, -- JSON array
	credit     INTEGER NOT NULL,
	points     INTEGER NOT NULL,
	elapsed_ms INTEGER NOT NULL,
	ended_ms   INTEGER NOT NULL, -- the match's
	PRIMARY KEY (match_id, player_id, round)
) STRICT;

-- Per player, topic and finished match: the answers table summed by
-- FinishMatch in the same transaction, so that a chart reads one row per
-- match and topic instead of one per answer.
CREATE TABLE topic_stats (
	player_id  INTEGER NOT NULL REFERENCES players (id),
	topic      TEXT    NOT NULL,
	ended_ms   INTEGER NOT NULL,
	match_id   TEXT    NOT NULL REFERENCES matches (id),
	asked      INTEGER NOT NULL,
	answered   INTEGER NOT NULL,
	correct    INTEGER NOT NULL,
	credit     INTEGER NOT NULL,
	elapsed_ms INTEGER NOT NULL,
	PRIMARY KEY (player_id, topic, ended_ms, match_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX topic_stats_time ON topic_stats (player_id, ended_ms);

CREATE TRIGGER matches_no_update BEFORE UPDATE ON matches
BEGIN SELECT RAISE(ABORT, 'finished matches are immutable'); END;
CREATE TRIGGER matches_no_delete BEFORE DELETE ON matches
BEGIN SELECT RAISE(ABORT, 'finished matches are immutable'); END;
CREATE TRIGGER match_players_no_update BEFORE UPDATE ON match_players
BEGIN SELECT RAISE(ABORT, 'finished matches are immutable'); END;
CREATE TRIGGER match_players_no_delete BEFORE DELETE ON match_players
BEGIN SELECT RAISE(ABORT, 'finished matches are immutable'); END;
CREATE TRIGGER answers_no_update BEFORE UPDATE ON answers
BEGIN SELECT RAISE(ABORT, 'finished matches are immutable'); END;
CREATE TRIGGER answers_no_delete BEFORE DELETE ON answers
BEGIN SELECT RAISE(ABORT, 'finished matches are immutable'); END;
CREATE TRIGGER topic_stats_no_update BEFORE UPDATE ON topic_stats
BEGIN SELECT RAISE(ABORT, 'finished matches are immutable'); END;
CREATE TRIGGER topic_stats_no_delete BEFORE DELETE ON topic_stats
BEGIN SELECT RAISE(ABORT, 'finished matches are immutable'); END;

CREATE TABLE tournaments (
	id         TEXT    PRIMARY KEY,
	code       TEXT    NOT NULL UNIQUE,
	name       TEXT    NOT NULL,
	format     TEXT    NOT NULL,
	host       INTEGER NOT NULL,
	state      TEXT    NOT NULL,
	start_ms   INTEGER NOT NULL,
	round_ms   INTEGER NOT NULL,
	options    TEXT    NOT NULL,
	created_ms INTEGER NOT NULL
) STRICT;
CREATE INDEX tournaments_state ON tournaments (state, id);

CREATE TABLE entrants (
	tournament    TEXT    NOT NULL REFERENCES tournaments (id) ON DELETE CASCADE,
	player_id     INTEGER NOT NULL REFERENCES players (id),
	nickname      TEXT    NOT NULL,
	seed          INTEGER NOT NULL,
	registered_ms INTEGER NOT NULL,
	PRIMARY KEY (tournament, player_id)
) STRICT;

CREATE TABLE bracket_matches (
	tournament  TEXT    NOT NULL REFERENCES tournaments (id) ON DELETE CASCADE,
	bracket     TEXT    NOT NULL,
	round       INTEGER NOT NULL,
	slot        INTEGER NOT NULL,
	player_a    INTEGER NOT NULL,
	player_b    INTEGER NOT NULL,
	winner      INTEGER NOT NULL,
	status      TEXT    NOT NULL,
	deadline_ms INTEGER NOT NULL,
	match_id    TEXT    NOT NULL,
	score_a     INTEGER NOT NULL,
	score_b     INTEGER NOT NULL,
	time_a      INTEGER NOT NULL,
	time_b      INTEGER NOT NULL,
	PRIMARY KEY (tournament, bracket, round, slot)
) STRICT;

CREATE TABLE corrections (
	id         INTEGER PRIMARY KEY,
	tournament TEXT    NOT NULL REFERENCES tournaments (id) ON DELETE CASCADE,
	bracket    TEXT    NOT NULL,
	round      INTEGER NOT NULL,
	slot       INTEGER NOT NULL,
	by_player  INTEGER NOT NULL,
	reason     TEXT    NOT NULL,
	at_ms      INTEGER NOT NULL,
	old_winner INTEGER NOT NULL,
	new_winner INTEGER NOT NULL,
	old_result TEXT    NOT NULL,
	new_result TEXT    NOT NULL
) STRICT;
CREATE INDEX corrections_tournament ON corrections (tournament, id);
