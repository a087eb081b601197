import Link from 'next/link'

export default function Home() {
  return (
    <main>
      <h1>NEXT-STANDALONE-OK</h1>
      <p>Latest posts</p>
      <Link href="/about">About</Link>
    </main>
  )
}
