#pragma once

#include "core/result.h"
#include "core/track.h"

#include <QIODevice>
#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace encore {

enum class ExportFormat {
    ListenBrainz,  // JSON lines: listened_at + track_metadata (ListenBrainz's import format)
    Csv,           // a header row, then one listen per row
};

struct ExportOptions {
    ExportFormat format = ExportFormat::ListenBrainz;
    ProfileId profile_id = 0;     // required
    std::optional<qint64> since;  // unix seconds, inclusive
    std::optional<qint64> until;  // exclusive
    bool counted_only = false;    // plays only, no skips or short listens
};

// Writes the listening log in a form other tools (and Encore itself) can import. Every listen
// is written, oldest first, streamed row by row. Encore's own fields (heard time, end reason,
// whether it counted, shuffle, local offset) ride along so a re-import keeps them:
// additional_info.ms_played / encore_* in ListenBrainz lines, extra columns in CSV.
class HistoryExporter {
public:
    explicit HistoryExporter(QSqlDatabase db);

    // Returns how many listens were written.
    Result<qint64> write(const ExportOptions& options, QIODevice& out);

    static std::optional<ExportFormat> formatFromName(const QString& name);
    // The CSV header row (without newline).
    static QString csvHeader();

private:
    QSqlDatabase db_;
};

}  // namespace encore
