/** @type {import('next').NextConfig} */
const nextConfig = {
  // Emit .next/standalone with a minimal server.js and only the node_modules it needs
  output: 'standalone',
  poweredByHeader: false,
}

module.exports = nextConfig
