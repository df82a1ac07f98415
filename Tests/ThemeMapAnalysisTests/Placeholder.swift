import Testing

@Test func placeholderAnalysis() {}
