// Parts sales, purchase plans and urgent requests written in SQL (private to lib/src/store).
#pragma once

#include "aftersales/store/part_sale_store.h"
#include "store/engine/database.h"

namespace aftersales::store {

class SqlPartSaleStore final : public PartSaleStore {
 public:
  explicit SqlPartSaleStore(Database& db) : db_(db) {}

  std::int64_t next_number_in_year(const std::string& prefix, int year) override;
  void insert_sale(PartSale& sale) override;
  std::optional<PartSale> find_sale(const std::string& number) override;
  std::vector<PartSale> list_sales(const SaleFilter& filter) override;
  void set_sale_shipped(std::int64_t sale_id, Timestamp at) override;
  void insert_payment(std::int64_t sale_id, SalePayment& payment) override;
  std::vector<SalePayment> payments(std::int64_t sale_id) override;
  void insert_promise(std::int64_t sale_id, const SalePromise& promise) override;
  std::vector<SalePromise> promises(std::int64_t sale_id) override;

  void insert_plan(PurchasePlan& plan) override;
  std::optional<PurchasePlan> find_plan(const std::string& number) override;
  std::optional<PurchasePlan> plan_for(const std::string& origin) override;
  std::vector<PurchasePlan> list_plans() override;
  void update_plan(const PurchasePlan& plan) override;

  void insert_urgent(UrgentRequest& request) override;
  std::optional<UrgentRequest> find_urgent(const std::string& number) override;
  std::vector<UrgentRequest> list_urgent() override;
  void update_urgent(const UrgentRequest& request) override;

 private:
  PartSale read_sale(Statement& row);
  void read_plan_lines(PurchasePlan& plan);

  Database& db_;
};

}  // namespace aftersales::store
