// The port of attachments (issue 15): scanned signed forms kept in the ledger with the record
// they belong to. Listing reads metadata only; the content is read one attachment at a time.
// Engine failures throw Error(kStorageUnavailable).
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "aftersales/attachments/attachment.h"

namespace aftersales {

class AttachmentStore {
 public:
  virtual ~AttachmentStore() = default;

  // Stores `attachment` (its metadata) with `content`, the file's bytes; sets attachment.id.
  virtual void insert(Attachment& attachment, const std::string& content) = 0;
  // The metadata of one attachment, without its content; nullopt when there is none.
  virtual std::optional<Attachment> find(std::int64_t id) = 0;
  // The content of one attachment, byte for byte; nullopt when there is none.
  virtual std::optional<std::string> content(std::int64_t id) = 0;
  // The metadata of the attachments of one record (entity, record), oldest first (by id).
  virtual void each_of(const std::string& entity, const std::string& record,
                       const std::function<void(const Attachment&)>& visit) = 0;
  // Every attachment with its content, by id, one at a time (memory holds one): `doctor`
  // checks each against its SHA-256.
  virtual void each_with_content(
      const std::function<void(const Attachment&, const std::string& content)>& visit) = 0;
};

}  // namespace aftersales
