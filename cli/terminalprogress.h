#pragma once

#include <QElapsedTimer>
#include <QString>
#include <QTextStream>

namespace encore::cli {

// A one-line progress bar redrawn in place on a terminal; plain lines, at most one every few
// seconds, when the output is a file or a pipe.
class TerminalProgress {
public:
    TerminalProgress(QTextStream& out, bool isTerminal);

    // `total` < 0: unknown yet (shows a count instead of a bar).
    void update(qint64 done, qint64 total, const QString& label);
    // Ends the line so the next output starts clean.
    void finish();

private:
    QTextStream& out_;
    bool terminal_;
    bool drawn_ = false;
    QElapsedTimer since_line_;
};

}  // namespace encore::cli
