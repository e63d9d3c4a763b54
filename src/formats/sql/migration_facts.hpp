// What a folder of migrations records beside the schema it leaves: one entity per file (so the
// check knows which migrations are new in NEW), each explicit rename, and each LOCKING fact (what
// a statement does to running traffic). Every loader writes them the same way; sql/checks.cpp
// reads them for the files OLD does not have.
#pragma once

#include <breakwater/model.hpp>

#include <string>

namespace breakwater::sql {

// `relative`: the file's path inside the migration folder; `seq`: a number unique among the
// facts of the folder (keys must differ).
Entity migration_file_fact(const std::string& relative, uint32_t file);
Entity rename_fact(const std::string& relative, size_t seq, bool table, std::string from,
                   std::string to, SourceRef at);
// `fact` names what the statement does ("blocking_index_build", ...); `what` is the sentence
// the finding shows.
Entity lock_fact(const std::string& relative, size_t seq, std::string fact, std::string table,
                 std::string what, SourceRef at);

}  // namespace breakwater::sql
