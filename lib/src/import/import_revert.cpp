// Reverting an import batch, and the list of batches (CLI.md `import revert`, `import list`).
#include <fmt/format.h>
#include <memory>

#include "aftersales/audit/audit.h"
#include "aftersales/core/error.h"
#include "aftersales/identity/identity.h"
#include "aftersales/import/importer.h"
#include "aftersales/store/store.h"
#include "import/entity_importer.h"
#include "import/import_roles.h"

namespace aftersales {

ImportBatch revert_import(Context& ctx, std::int64_t batch_id) {
  ImportBatch batch;
  ctx.store.write([&] {
    std::optional<ImportBatch> found = ctx.store.imports().find_batch(batch_id);
    if (!found) {
      throw Error(ErrorCode::kNotFound, fmt::format("import batch {} does not exist", batch_id),
                  "`aftersales import list` shows the batches");
    }
    batch = *found;
    const ImportEntity entity = *import_entity_of_batch(batch.entity);
    require_role(ctx, roles_to_import(ctx, entity), "reverting an import");
    if (batch.reverted_at) {
      throw Error(ErrorCode::kRuleViolation,
                  fmt::format("refused: import batch {} was reverted already", batch_id));
    }
    if (std::optional<std::int64_t> later = ctx.store.imports().later_batch_over(batch_id)) {
      throw Error(ErrorCode::kRuleViolation,
                  fmt::format("refused: batch {} changed rows of batch {} since", *later, batch_id),
                  fmt::format("revert batch {} first", *later));
    }
    std::unique_ptr<EntityImporter> importer = make_entity_importer(entity, ctx, nullptr);
    ImportStore& imports = ctx.store.imports();
    // Rows the batch still owns: restore the updated ones, remove the added ones. A row typed
    // over since is no longer the batch's (its batch was cleared): it is left as it is.
    for (const std::string& key : imports.keys_in_batch(entity, batch_id)) {
      if (std::optional<ImportBefore> before = imports.before(batch_id, key)) {
        // The row goes back to the batch (or the clerk) that had written it.
        std::unique_ptr<ImportSession> previous;
        if (before->batch) previous = imports.open_session(entity, *before->batch);
        importer->restore(key, before->values);
      } else {
        importer->remove(key);
      }
    }
    batch.reverted_at = ctx.real_now();
    batch.reverted_by = ctx.actor.user;
    ctx.store.imports().update_batch(batch);
    record_change(ctx, "import", std::to_string(batch_id), "revert", "", "");
  });
  return batch;
}

std::vector<ImportBatch> list_imports(Context& ctx) { return ctx.store.imports().list_batches(); }

}  // namespace aftersales
