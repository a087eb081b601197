require "minitest/autorun"
require "rack/test"

class AppTest < Minitest::Test
  include Rack::Test::Methods

  def app
    Rack::Builder.parse_file(File.expand_path("../config.ru", __dir__))
  end

  def test_health
    get "/health"
    assert_equal 200, last_response.status
  end
end
