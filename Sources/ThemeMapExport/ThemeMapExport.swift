/// Placeholder until the stage lands.
enum ThemeMapExportPlaceholder {}
