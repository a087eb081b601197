require "sequel"

DB = Sequel.sqlite(File.expand_path("notes.sqlite3", __dir__))
DB.create_table?(:notes) { primary_key :id; String :body }
%w[alpha beta gamma].each { |body| DB[:notes].insert(body: body) }
