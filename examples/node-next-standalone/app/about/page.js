export default function About() {
  return (
    <main>
      <h1>About NEXT-STANDALONE-OK</h1>
      <p>Built with output: standalone.</p>
    </main>
  )
}
