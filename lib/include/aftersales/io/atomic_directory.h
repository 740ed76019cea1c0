// A directory of files replaced as one (report nightly, issue 12): readers see the previous set
// or the new one, never a mix, and a failed run leaves the previous set as it was.
#pragma once

#include <functional>
#include <string>

namespace aftersales {

// Fills a fresh staging directory beside `directory` (same parent, so the same file system)
// through `write(staging_path)`, then puts it in the place of `directory`:
//  - the regular files of the old `directory` that `write` did not make are carried over (hard
//    links, or copies where links fail), so earlier months' files stay;
//  - the staging directory takes the old one's permissions, then is swapped in with one
//    rename (renameat2 RENAME_EXCHANGE when `directory` exists; a plain rename when it does
//    not), and the old contents are removed.
// One run at a time per directory: the run holds an exclusive lock on `.NAME.lock` beside it
// (left in place, empty) and first removes the staging directories a killed run left; a second
// run meanwhile gets Error(kStorageUnavailable) and writes nothing.
// If `write` throws, or anything before the swap fails, the staging directory is removed and
// `directory` is untouched. Throws Error(kStorageUnavailable) naming the path when the staging
// directory cannot be made, a file cannot be carried over or the swap fails; Error(kUsage) when
// `directory` exists and is not a directory, or holds a subdirectory (it is replaced whole, so
// it must hold only files), or its parent does not exist. An Error of `write` passes through
// with its code, its message saying that `directory` was left as it was; others pass as they are.
void replace_directory_atomically(const std::string& directory,
                                  const std::function<void(const std::string&)>& write);

}  // namespace aftersales
