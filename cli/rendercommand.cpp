#include "command.h"

#include "playback/renderer.h"

namespace encore::cli {

namespace {

void define(QCommandLineParser& parser) {
    parser.setApplicationDescription(QStringLiteral(
        "Plays audio files, in order, through the app's playback engine and pipeline into a WAV "
        "file (32-bit float, stereo, at the files' sample rate when they all share one, else "
        "44.1 kHz): joins are gapless, levels follow the files' ReplayGain tags. Files that "
        "cannot be decoded are named and left out (exit code 2). The crossfade is skipped "
        "between tracks of the same album, as in the app."));
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("Audio files, in order."),
                                 QStringLiteral("FILE..."));
    parser.addOption({QStringLiteral("out"), QStringLiteral("The WAV file to write."),
                      QStringLiteral("OUT.wav")});
    parser.addOption({QStringLiteral("replaygain"),
                      QStringLiteral("off (the default), track or album."),
                      QStringLiteral("MODE")});
    parser.addOption({QStringLiteral("crossfade"),
                      QStringLiteral("Fade each file into the next over MS milliseconds (0: "
                                     "gapless, the default)."),
                      QStringLiteral("MS")});
}

int run(CommandContext& c) {
    const QStringList files = c.parser.positionalArguments().mid(1);
    if (files.isEmpty())
        return usageError(c, QStringLiteral("render needs at least one FILE."));
    const QString out = c.parser.value(QStringLiteral("out"));
    if (out.isEmpty())
        return usageError(c, QStringLiteral("render needs --out OUT.wav."));
    RenderOptions options;
    if (c.parser.isSet(QStringLiteral("replaygain"))) {
        const QString mode = c.parser.value(QStringLiteral("replaygain"));
        if (!parseReplayGainMode(mode, &options.replaygain) ||
            options.replaygain == ReplayGainMode::Automatic)
            return usageError(
                c,
                QStringLiteral("Unknown --replaygain \"%1\": use off, track or album.").arg(mode));
    }
    if (c.parser.isSet(QStringLiteral("crossfade"))) {
        bool ok = false;
        options.crossfade_ms = c.parser.value(QStringLiteral("crossfade")).toInt(&ok);
        if (!ok || options.crossfade_ms < 0 ||
            options.crossfade_ms > PlaybackSettings::kMaxCrossfadeMs)
            return usageError(c, QStringLiteral("--crossfade takes milliseconds from 0 to %1.")
                                     .arg(PlaybackSettings::kMaxCrossfadeMs));
    }
    const Result<RenderResult> result = Renderer::render(files, out, options);
    if (!result)
        return fail(c, result.error());
    for (const QString& problem : result->skipped)
        c.err << "encore-cli: " << problem << "\n";
    c.out << QStringLiteral("rendered %1 of %2 files to %3 (%4 Hz, stereo, 32-bit float)\n")
                 .arg(result->rendered)
                 .arg(files.size())
                 .arg(out)
                 .arg(result->sample_rate);
    c.out.flush();
    c.err.flush();
    return result->skipped.isEmpty() ? kExitOk : kExitRuntime;
}

}  // namespace

Command renderCommand() {
    return {"render", "Play files through the playback engine into a WAV file.", define, run};
}

}  // namespace encore::cli
