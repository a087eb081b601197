import unittest

from calc.stats import summary


class SummaryTest(unittest.TestCase):
    def test_summary(self):
        self.assertEqual(summary([3, 4, 5]), "n=3 mean=4.000 variance=0.667")

    def test_empty(self):
        with self.assertRaises(ValueError):
            summary([])


if __name__ == "__main__":
    unittest.main()
