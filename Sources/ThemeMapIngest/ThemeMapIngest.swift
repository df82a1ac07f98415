/// Placeholder until the stage lands.
enum ThemeMapIngestPlaceholder {}
