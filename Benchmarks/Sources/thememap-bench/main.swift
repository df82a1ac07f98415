import Foundation

// thememap-bench: the benchmark's Swift half. `generate` writes a deterministic corpus; `tag` times
// the matcher alone on one core. Benchmarks/run.sh drives both and the peers.
let arguments = Array(CommandLine.arguments.dropFirst())
let usage = """
  usage: thememap-bench generate --out DIR --size BYTES [--seed N] [--taxonomy FILE]
         thememap-bench tag --datasets DIR [--repeat N]
  """
do {
  switch arguments.first {
  case "generate": try GenerateCommand(arguments: Array(arguments.dropFirst())).run()
  case "tag": try TagCommand(arguments: Array(arguments.dropFirst())).run()
  default:
    FileHandle.standardError.write(Data((usage + "\n").utf8))
    exit(2)
  }
} catch {
  FileHandle.standardError.write(Data("thememap-bench: \(error)\n".utf8))
  exit(1)
}
