"""Invented names for demo records and benchmarks: never real people's (the first ten
first names and seven surnames are the short lists the LADO and board demos draw from)."""

FIRST_NAMES = ("Alex", "Sam", "Jo", "Chris", "Pat", "Robin", "Jamie", "Morgan", "Casey", "Drew",
               "Ash", "Kit", "Remy", "Noor", "Ola", "Tiago", "Mei", "Ines", "Yusuf", "Lena")
LAST_NAMES = ("Example", "Sample", "Demo", "Testwell", "Fictional", "Madeup", "Placeholder",
              "Mockford", "Pretend", "Standin", "Notreal", "Fauxley")
