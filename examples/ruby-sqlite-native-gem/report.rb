require "sequel"
require "sqlite3"

DB = Sequel.sqlite(File.expand_path("db/notes.sqlite3", __dir__))
puts "notes=#{DB[:notes].count} first=#{DB[:notes].order(:id).get(:body)} sqlite=#{SQLite3::SQLITE_VERSION.split('.').first}"
