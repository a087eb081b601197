require "dotenv/load"
require "pg"

puts "#{ENV.fetch('APP_NAME', 'pg-check')}: pg=#{PG::VERSION} libpq=#{PG.library_version / 10_000}"
