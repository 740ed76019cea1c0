// The search rows kept in step with the records (issue 16; schemas/019_search.sql), private to
// lib/src/store. Every write of a searched record, typed or imported, rewrites its row here
// inside the same transaction, so a search never sees a record without its text or the reverse.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "aftersales/store/search_store.h"
#include "store/engine/database.h"

namespace aftersales::store {

// The records searched, each with the table it comes from.
enum class SearchKind { kTicket, kNote, kVisit, kComplaint };

// Rewrites the search row of the record `id` of `kind` after it was written: a handful of
// cached statements, for a typed command and for SQLite's imports, which write row by row.
// A record whose text is all empty has no row.
void reindex_record(Database& db, SearchKind kind, std::int64_t id);

// Rewrites the search rows of the records of `kind` that `where` selects, set-based: a
// condition on the record's table as `r` with ?1 bound to `value` ("r.batch_id = ?1" for an
// import's, "r.id >= ?1" with 0 for all). Reads in chunks and stages them through the engine's
// BulkWriter (COPY on PostgreSQL), so memory stays flat for a million tickets, then writes
// them in one statement, in the order of their ids.
void reindex(Database& db, SearchKind kind, const char* where, std::int64_t value);

// The kind of record an import's table holds, when it is searched (ticket, visit): an import
// writes their search rows once, for the whole batch, as it ends (the stores write none while
// a batch is open).
std::optional<SearchKind> searched_table(const std::string& table);

// Removes the search row of the record `id` of `kind`: call it before the record is deleted.
void forget_record(Database& db, SearchKind kind, std::int64_t id);

// Writes the search rows of every record again, in one write (search --reindex), and marks
// search built.
void rebuild_search_index(Database& db);

// Writes the search rows of every record when the ledger has none yet (search_state.built is
// 0: a ledger made before migration 019), in one write. Does nothing otherwise.
void build_search_index_once(Database& db);

// The search rows that differ from what the records say (SearchStore::check_rows). Reads
// only, a chunk of records at a time.
void check_search_rows(Database& db, const std::function<void(const SearchRowProblem&)>& each);

// A PostgreSQL tsvector literal of FTS5's token stream (search_text.h index_tokens): each token
// at its position, from 1; tokens past position 16383, where PostgreSQL stops counting, are not
// there (index_tokens gives no more).
std::string tsvector_literal(const std::string& tokens);

}  // namespace aftersales::store
