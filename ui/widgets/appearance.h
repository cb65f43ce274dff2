#pragma once

namespace encore {

// Light or dark: the system's palette by default, or one the listener picks in Settings.
class Appearance {
public:
    enum class Mode { System = 0, Light = 1, Dark = 2 };

    static Mode stored();
    static void store(Mode mode);
    // Sets the application palette (System: whatever the platform theme gives).
    static void apply(Mode mode);
};

}  // namespace encore
