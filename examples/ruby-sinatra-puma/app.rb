require "sinatra/base"
require "json"

class Greeter < Sinatra::Base
  get "/" do
    content_type :json
    { marker: "ruby-sinatra-puma-ok", env: settings.environment, ruby: RUBY_VERSION }.to_json
  end
end
