/// Placeholder until the stage lands.
enum ThemeMapAnalysisPlaceholder {}
