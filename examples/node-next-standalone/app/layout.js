export const metadata = {
  title: 'Next Blog',
  description: 'A tiny Next.js app router blog',
}

export default function RootLayout({ children }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  )
}
