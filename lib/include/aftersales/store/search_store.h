// The search rows' port (issue 16): records whose text matches a query, newest first, on both
// engines alike; and the past repairs `ticket show --similar` compares.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "aftersales/core/time.h"
#include "aftersales/search/search_hit.h"
#include "aftersales/search/search_text.h"

namespace aftersales {

// A search row that does not say what its record says (the doctor's "search" check).
struct SearchRowProblem {
  std::string kind;     // ticket, note, visit, complaint
  std::string key;      // the record's number (a note: SERIAL#id), or its id when it is gone
  std::string problem;  // missing, stale, left over
};

struct SearchFilter {
  std::optional<std::int64_t> model_id;
  std::optional<std::int64_t> unit_id;
  std::optional<std::int64_t> customer_id;
  std::optional<std::string> category;
  std::optional<Timestamp> since;  // records from this instant on
  int limit = 20;
};

class SearchStore {
 public:
  virtual ~SearchStore() = default;

  // The records matching every phrase (search_text.h), newest first (ties: the order they were
  // written), at most filter.limit, their fields read but no matches marked.
  virtual std::vector<SearchHit> find(const std::vector<search::QueryPhrase>& phrases,
                                      const SearchFilter& filter) = 0;

  // The newest `limit` past repairs (tickets with a work record) of the model's units in
  // `category`, newest first, without the ticket `except_ticket_id`.
  virtual void each_repair(std::int64_t model_id, const std::string& category,
                           std::int64_t except_ticket_id, int limit,
                           const std::function<void(SearchHit&)>& visit) = 0;

  // Reads every record's text and its search row, in chunks: a record with text and no row is
  // "missing", a row whose tokens are not what the text gives now "stale" (the text changed
  // outside aftersales), a row without its record or of a record without text "left over".
  virtual void check_rows(const std::function<void(const SearchRowProblem&)>& each) = 0;

  // Writes every record's search row again, in one write; returns how many there are.
  virtual std::int64_t rebuild() = 0;
};

}  // namespace aftersales
