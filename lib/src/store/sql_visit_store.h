// Follow-up visits (表2) written in SQL (private to lib/src/store).
#pragma once

#include "aftersales/store/visit_store.h"
#include "store/engine/database.h"
#include "store/sql_stores.h"

namespace aftersales::store {

class SqlVisitStore final : public VisitStore {
 public:
  SqlVisitStore(Database& db, const ImportStamp& stamp) : db_(db), stamp_(stamp) {}

  void insert(Visit& visit) override;
  void remove(const std::string& number) override;
  std::optional<Visit> find(const std::string& number) override;
  std::optional<Visit> find_settling(VisitReason reason, const std::string& key) override;
  void each(const VisitScope& scope, const std::function<void(const Visit&)>& visit) override;
  VisitFormCounts count_forms(Date from, Date to, int satisfied_min) override;
  void each_unit(const VisitScope& scope,
                 const std::function<void(const VisitUnit&)>& visit) override;
  void each_key_customer(const VisitScope& scope,
                         const std::function<void(const VisitKeyCustomer&)>& visit) override;
  void each_repair(const VisitScope& scope, std::optional<Date> due_from,
                   std::optional<Date> due_to,
                   const std::function<void(const VisitRepair&)>& visit) override;

 private:
  Database& db_;
  const ImportStamp& stamp_;
};

}  // namespace aftersales::store
